# AslSweep silo for NVIDIA GPUs: TorchSharp-cuda-linux (the -p:TorchBackend=cuda switch) on a CUDA runtime image
# with the ASP.NET Core runtime copied in. Build from the repository root:
#   docker build -f deploy/docker/silo.cuda.Dockerfile -t aslsweep-silo:cuda .
# Run with the NVIDIA container toolkit (docker run --gpus all ...); each visible GPU becomes a worker.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish Silo/AslSweep.Silo.csproj -c Release -o /app -p:TorchBackend=cuda

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS dotnet

FROM nvidia/cuda:12.8.1-cudnn-runtime-ubuntu24.04 AS runtime
COPY --from=dotnet /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
    && apt-get update && apt-get install -y --no-install-recommends libicu74 ca-certificates \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
VOLUME /data/checkpoints
ENV AslSweep__Workers__CheckpointRoot=/data/checkpoints \
    AslSweep__Silo__ListenOnAnyAddress=true \
    Urls=http://0.0.0.0:8080 \
    NVIDIA_VISIBLE_DEVICES=all \
    CUDA_DEVICE_ORDER=PCI_BUS_ID
EXPOSE 11111 30000 8080
ENTRYPOINT ["dotnet", "AslSweep.Silo.dll"]
