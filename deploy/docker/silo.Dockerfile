# AslSweep silo (CPU). Build from the repository root:
#   docker build -f deploy/docker/silo.Dockerfile -t aslsweep-silo .
# GPU hosts: deploy/docker/silo.cuda.Dockerfile.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# TorchBackend=cpu: TorchSharp with libtorch-cpu-linux-x64 (Directory.Build.targets).
RUN dotnet publish Silo/AslSweep.Silo.csproj -c Release -o /app -p:TorchBackend=cpu

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# Checkpoints go to a volume shared by every silo of the cluster (AslSweep:Workers:CheckpointRoot).
VOLUME /data/checkpoints
ENV AslSweep__Workers__CheckpointRoot=/data/checkpoints \
    AslSweep__Silo__ListenOnAnyAddress=true \
    Urls=http://0.0.0.0:8080
# 11111 silo-to-silo, 30000 client gateway, 8080 /metrics and /healthz.
EXPOSE 11111 30000 8080
ENTRYPOINT ["dotnet", "AslSweep.Silo.dll"]
