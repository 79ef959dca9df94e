// The identity provider's key set over HTTPS, as production requires (AUTH_JWKS_URL must be
// https): a throwaway self-signed certificate made with openssl, which the processes trust
// through NODE_EXTRA_CA_CERTS, and a throwaway signing key. This stands for the external
// identity provider, which Marquee does not own; it speaks the real protocol (a JWKS
// document fetched over TLS, ES256 tokens). The production topology test and the benchmark
// (`npm run bench`) use it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDevelopmentSigningKey, signDevelopmentToken } from "../auth/development-signing-key.ts";

export interface HttpsIdentityProvider {
  jwksUrl: string;
  issuer: string;
  audience: string;
  /** The certificate file for NODE_EXTRA_CA_CERTS. */
  certificateFile: string;
  tokenFor(userId: string): Promise<string>;
  close(): Promise<void>;
}

export async function startHttpsIdentityProvider(): Promise<HttpsIdentityProvider> {
  const directory = mkdtempSync(join(tmpdir(), "marquee-idp-"));
  const [keyFile, certificateFile] = [join(directory, "key.pem"), join(directory, "certificate.pem")];
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
    "-keyout", keyFile, "-out", certificateFile, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
  ], { stdio: "ignore" });
  const { key } = await createDevelopmentSigningKey();
  const server = createServer({ key: readFileSync(keyFile), cert: readFileSync(certificateFile) }, (_request, response) => {
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [key.publicJwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${origin}/`;
  const audience = "marquee";
  return {
    jwksUrl: `${origin}/.well-known/jwks.json`,
    issuer,
    audience,
    certificateFile,
    tokenFor: (userId) => signDevelopmentToken(key, { sub: userId }, { issuer, audience, expiresIn: "1h" }),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
