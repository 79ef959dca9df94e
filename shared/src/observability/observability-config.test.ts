import { describe, expect, it } from "vitest";
import { ConfigError, loadPlatformConfig } from "../config/platform-config.ts";

const development = { NODE_ENV: "development", MARQUEE_DATA_DIR: "/nonexistent" };
const observabilityOf = (env: Record<string, string>) => loadPlatformConfig({ ...development, GATEWAY_SECRET: "s".repeat(32), ...env }).observability;
const problemsOf = (env: Record<string, string>) => {
  try {
    observabilityOf(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe("observability configuration", () => {
  it("serves metrics on port 9464 unless told otherwise, and turns them off with off", () => {
    expect(observabilityOf({}).metricsPort).toBe(9464);
    expect(observabilityOf({ METRICS_PORT: "9100" }).metricsPort).toBe(9100);
    expect(observabilityOf({ METRICS_PORT: "off" })).not.toHaveProperty("metricsPort");
  });

  it("refuses a metrics port that is not a port, or the port GraphQL is served on", () => {
    expect(problemsOf({ METRICS_PORT: "metrics" })).toEqual(['METRICS_PORT must be a port from 1 to 65535, or off (got "metrics").']);
    expect(problemsOf({ METRICS_PORT: "70000" })).toEqual(['METRICS_PORT must be a port from 1 to 65535, or off (got "70000").']);
    expect(problemsOf({ METRICS_PORT: "4000", PORT: "4000" })).toEqual(["METRICS_PORT must differ from PORT (both are 4000)."]);
  });

  it("traces only when an OTLP endpoint is set, adding the traces path to the base endpoint", () => {
    expect(observabilityOf({})).not.toHaveProperty("tracesUrl");
    expect(observabilityOf({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" }).tracesUrl?.href).toBe("http://collector:4318/v1/traces");
    expect(observabilityOf({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/otlp/" }).tracesUrl?.href).toBe("http://collector:4318/otlp/v1/traces");
    expect(
      observabilityOf({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318", OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "https://traces.example.com/in" }).tracesUrl?.href,
    ).toBe("https://traces.example.com/in");
  });

  it("refuses an endpoint that is not an http(s) URL, without repeating it", () => {
    expect(problemsOf({ OTEL_EXPORTER_OTLP_ENDPOINT: "grpc://user:secret@collector:4317" })).toEqual(["OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL."]);
    expect(problemsOf({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "collector" })).toEqual(["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be an http(s) URL."]);
  });
});
