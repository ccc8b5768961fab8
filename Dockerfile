# Signpost: a static binary on a distroless base, running as a non-root user.
#
#   docker build -t signpost .
#   docker run -p 8080:8080 -e SIGNPOST_ADDR=0.0.0.0:8080 \
#     -e SIGNPOST_DATABASE_URL=postgres://... -e SIGNPOST_PUBLIC_URL=https://signpost.example.org signpost
#
# With the embedded SQLite, mount a volume and point the database into it:
#   -v signpost-data:/data -e SIGNPOST_DATABASE_URL=sqlite:/data/signpost.db
#
# distroless has no shell, so the image has no HEALTHCHECK: let the orchestrator probe
# GET /healthz (liveness) and GET /readyz (readiness: the database answers). See docs/production.md.

FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# modernc.org/sqlite is pure Go: no cgo, so the binary is static and runs on distroless/static.
RUN CGO_ENABLED=0 GOOS=linux go build -trimpath -ldflags="-s -w" -o /out/signpost ./cmd/signpost \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/signpost /usr/local/bin/signpost
# A directory the nonroot user (65532) owns, for the SQLite database when no volume is mounted.
COPY --from=build --chown=65532:65532 /out/data /data
USER 65532:65532
ENV SIGNPOST_ADDR=0.0.0.0:8080 \
    SIGNPOST_DATABASE_URL=sqlite:/data/signpost.db
EXPOSE 8080
VOLUME ["/data"]
ENTRYPOINT ["/usr/local/bin/signpost"]
CMD ["serve"]
