# Multi-stage build: the SDK image publishes the API, the ASP.NET runtime image runs it as a non-root user.
# The entry point runs the same `dotnet publish` output that the README's commands build and test.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source

# Restore first, from the project files alone, so that the restore layer is cached across code changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Domain/SigmoidService.Domain.csproj src/Domain/
COPY src/Inference/SigmoidService.Inference.csproj src/Inference/
COPY src/Api/SigmoidService.Api.csproj src/Api/
RUN dotnet restore src/Api/SigmoidService.Api.csproj

COPY src/ src/
RUN dotnet publish src/Api/SigmoidService.Api.csproj --configuration Release --no-restore --output /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app

COPY --from=build /app ./
COPY models/ ./models/

ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Inference__ModelRepositoryPath=/app/models \
    DOTNET_gcServer=0
EXPOSE 8080

# The runtime image has no curl; the service binary probes its own readiness endpoint instead.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["dotnet", "SigmoidService.Api.dll", "--probe", "http://127.0.0.1:8080/health/ready"]

# The aspnet images define the non-root user `app` and its id in APP_UID.
USER $APP_UID
ENTRYPOINT ["dotnet", "SigmoidService.Api.dll"]
