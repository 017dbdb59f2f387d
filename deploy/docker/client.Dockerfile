# The aslsweep CLI. Build from the repository root:
#   docker build -f deploy/docker/client.Dockerfile -t aslsweep .
#   docker run --rm --network deploy_default -e ASLSWEEP_REDIS=redis:6379 aslsweep list --cluster-id aslsweep
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish Client/AslSweep.Client.csproj -c Release -o /app -p:TorchBackend=cpu

# The CLI hosts the in-process dev silo (ASP.NET Core), so it needs the ASP.NET runtime, not the plain one.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /work
COPY --from=build /app /app
ENTRYPOINT ["dotnet", "/app/aslsweep.dll"]
CMD ["--help"]
