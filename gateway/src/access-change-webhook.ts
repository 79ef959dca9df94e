// The webhook an external Auth service calls when access changes (a grant revoked, a
// membership suspended, an entitlement ended), so that every Marquee process drops the
// cached access contexts the change covers at once rather than after their time to live.
// The gateway is the one address the Auth service needs: it checks the call's signature
// and publishes the changes on Redis, to which every subgraph instance is subscribed
// (shared/src/access/redis-access-changes.ts). Only with ACCESS_WEBHOOK_SECRET and REDIS_URL.
//
//   POST /access/changes
//   X-Marquee-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the secret>
//   {"changes": [{"scope": "membership", "userId": "…", "companyId": "…"}, {"scope": "company", "companyId": "…"},
//                {"scope": "user", "userId": "…"}, {"scope": "everything"}]}
//
// 202 {"accepted": n} once published; 401 for a missing, wrong or stale signature (more than
// 5 minutes from the gateway's clock: a captured call cannot be replayed later); 400 for a
// body that is not such a list; 503 when Redis cannot take it (the Auth service retries).
import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { writeJson, type AccessChange, type AccessChangePublisher, type Logger } from "@marquee/kit";

export const accessChangeWebhookPath = "/access/changes";
export const accessChangeSignatureHeader = "x-marquee-signature";

const maxBodyBytes = 64 * 1024;
const maxChangesPerCall = 1_000;
const signatureToleranceSeconds = 300;

export interface AccessChangeWebhookOptions {
  secret: string;
  publisher: AccessChangePublisher;
  logger: Logger;
  /** Seconds since the epoch; tests move the clock. */
  now?: () => number;
}

/** The signature header for `body` sent at `timestamp` (seconds): what the Auth service computes. */
export function signAccessChanges(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${signatureOf(secret, body, timestamp).toString("hex")}`;
}

const signatureOf = (secret: string, body: string, timestamp: number): Buffer => createHmac("sha256", secret).update(`${timestamp}.${body}`).digest();

export function createAccessChangeWebhook(options: AccessChangeWebhookOptions) {
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== "POST") {
      response.setHeader("allow", "POST");
      writeJson(response, 405, { error: "POST the changes." });
      return;
    }
    const body = await readBody(request);
    if (body === undefined) {
      writeJson(response, 413, { error: `The body is larger than ${maxBodyBytes} bytes; send fewer changes per call.` });
      return;
    }
    if (!signatureHolds(request.headers[accessChangeSignatureHeader], body, options.secret, now())) {
      writeJson(response, 401, { error: `The ${accessChangeSignatureHeader} header is missing, wrong or older than ${signatureToleranceSeconds} seconds.` });
      return;
    }
    const changes = parseChanges(body);
    if (typeof changes === "string") {
      writeJson(response, 400, { error: changes });
      return;
    }
    try {
      await options.publisher.publish(changes);
    } catch (error) {
      options.logger.error({ err: error }, "access changes could not be published");
      writeJson(response, 503, { error: "The changes could not be passed on right now; retry shortly." });
      return;
    }
    options.logger.info({ changes: changes.length }, "access changes published");
    writeJson(response, 202, { accepted: changes.length });
  };
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function signatureHolds(header: string | string[] | undefined, body: string, secret: string, nowSeconds: number): boolean {
  if (typeof header !== "string") return false;
  const fields = new Map(header.split(",").map((part) => part.trim().split("=", 2) as [string, string]));
  const timestamp = Number(fields.get("t"));
  const given = fields.get("v1") ?? "";
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > signatureToleranceSeconds || !/^[0-9a-f]{64}$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(given, "hex"), signatureOf(secret, body, timestamp));
}

/** The changes, or what is wrong with the body. Strict: a sender's mistake is reported, not guessed at. */
function parseChanges(body: string): AccessChange[] | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return "The body is not JSON.";
  }
  const changes = (parsed as { changes?: unknown } | null)?.changes;
  if (!Array.isArray(changes) || changes.length === 0 || changes.length > maxChangesPerCall) {
    return `The body must be {"changes": [...]} with 1 to ${maxChangesPerCall} changes.`;
  }
  const valid: AccessChange[] = [];
  for (const [index, change] of changes.entries()) {
    const { scope, userId, companyId } = (change ?? {}) as Record<string, unknown>;
    // Ids as the Auth service knows them (a user's is the token's subject).
    const id = (value: unknown) => typeof value === "string" && value.length > 0 && value.length <= 255;
    if (scope === "membership" && id(userId) && id(companyId)) valid.push({ scope, userId: userId as string, companyId: companyId as string });
    else if (scope === "company" && id(companyId)) valid.push({ scope, companyId: companyId as string });
    else if (scope === "user" && id(userId)) valid.push({ scope, userId: userId as string });
    else if (scope === "everything") valid.push({ scope });
    else return `changes[${index}] must be a membership (userId, companyId), company (companyId), user (userId) or everything change, each id a non-empty string.`;
  }
  return valid;
}
