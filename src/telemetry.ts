import { Writable } from 'node:stream';
import { shutdownAzureMonitor, useAzureMonitor } from '@azure/monitor-opentelemetry';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { logs, SeverityNumber } from '@opentelemetry/api-logs';
import type { RequestTracing } from './ports.ts';

/**
 * Application Insights through OpenTelemetry (@azure/monitor-opentelemetry), when
 * APPLICATIONINSIGHTS_CONNECTION_STRING is set: a request trace for each HTTP request, named by its
 * route, and every log line, already redacted by the logger, as a log record. The server
 * instruments its own requests rather than patching Node's http module, which an ES module
 * server cannot have done for it without a loader hook.
 */
export interface Telemetry {
  tracing: RequestTracing;
  /** A pino destination: each JSON line becomes a log record. */
  logs: Writable;
  shutdown(): Promise<void>;
}

const SEVERITY: Record<number, [SeverityNumber, string]> = {
  10: [SeverityNumber.TRACE, 'TRACE'],
  20: [SeverityNumber.DEBUG, 'DEBUG'],
  30: [SeverityNumber.INFO, 'INFO'],
  40: [SeverityNumber.WARN, 'WARN'],
  50: [SeverityNumber.ERROR, 'ERROR'],
  60: [SeverityNumber.FATAL, 'FATAL'],
};

/** Plain values only: nested objects are flattened one level as JSON, so nothing unexpected is sent. */
function attributesOf(line: Record<string, unknown>): Record<string, string | number | boolean> {
  const attributes: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(line)) {
    if (['msg', 'level', 'time', 'pid', 'hostname'].includes(key) || value === undefined || value === null) continue;
    attributes[key] =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? value
        : JSON.stringify(value);
  }
  return attributes;
}

export function startTelemetry(connectionString: string): Telemetry {
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    // Every request is kept: a school's traffic is small, and an incident report must be traceable.
    samplingRatio: 1,
    tracesPerSecond: 0,
    enableLiveMetrics: false,
    instrumentationOptions: {
      http: { enabled: false },
      azureSdk: { enabled: false },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
    },
  });
  const tracer = trace.getTracer('social-media-policy-hub');
  const logger = logs.getLogger('social-media-policy-hub');
  let pending = '';
  return {
    tracing: {
      started(method, path) {
        const span = tracer.startSpan(`${method} ${path}`, {
          kind: SpanKind.SERVER,
          attributes: { 'http.request.method': method, 'url.path': path },
        });
        return (route, status) => {
          if (route) span.updateName(`${method} ${route}`);
          span.setAttribute('http.response.status_code', status);
          if (route) span.setAttribute('http.route', route);
          if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
        };
      },
    },
    logs: new Writable({
      write(chunk: Buffer, _encoding, done) {
        pending += chunk.toString('utf8');
        let newline: number;
        while ((newline = pending.indexOf('\n')) >= 0) {
          const text = pending.slice(0, newline);
          pending = pending.slice(newline + 1);
          try {
            const line = JSON.parse(text) as Record<string, unknown>;
            const [severityNumber, severityText] = SEVERITY[Number(line.level)] ?? SEVERITY[30]!;
            logger.emit({ severityNumber, severityText, body: String(line.msg ?? ''), attributes: attributesOf(line) });
          } catch {
            // not a log line of ours
          }
        }
        done();
      },
    }),
    shutdown: () => shutdownAzureMonitor(),
  };
}
