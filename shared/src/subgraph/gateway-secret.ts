// Subgraphs must not be reachable around the gateway (Apollo's advice for subgraphs
// behind a gateway): every GraphQL request must carry the secret the gateway sends.
import { timingSafeEqual } from "node:crypto";

export const gatewaySecretHeader = "x-gateway-secret";

export function carriesGatewaySecret(presented: string | string[] | undefined, secret: string): boolean {
  if (typeof presented !== "string") return false;
  const expected = Buffer.from(secret);
  const actual = Buffer.from(presented);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
