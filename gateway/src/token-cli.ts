// `npm run token -- <email>` (run from the local build by scripts/run-local.mjs): a
// development token for a demo user, signed with the local key that `npm start` uses, and
// the headers to paste into Apollo Sandbox.
import { loadOrCreateDevelopmentSigningKey, loadPlatformConfig, signDevelopmentToken } from "@marquee/kit";
import { demoCompaniesOf, demoUserByEmail, demoUsers } from "@marquee/kit/demo";

const email = process.argv[2];
const user = email ? demoUserByEmail(email) : undefined;
if (!user) {
  process.stderr.write(`Usage: npm run token -- <email>\nDemo users: ${Object.values(demoUsers).map((demo) => demo.email).join(", ")}\n`);
  process.exit(1);
}
const config = loadPlatformConfig(process.env, { defaultEnvironment: "development" });
if (config.auth.mode !== "development") {
  process.stderr.write("Tokens are issued by the identity provider (AUTH_JWKS_URL is set); this command only signs development tokens.\n");
  process.exit(1);
}
const key = await loadOrCreateDevelopmentSigningKey(config.auth.devKeyFile!);
const token = await signDevelopmentToken(key, { sub: user.id, email: user.email, name: user.displayName }, {
  issuer: config.auth.issuer,
  audience: config.auth.audience,
  expiresIn: "8h",
});
const companies = demoCompaniesOf(user.id);
process.stdout.write(`Token for ${user.displayName} <${user.email}> (valid 8 hours):\n\n${token}\n\n`);
process.stdout.write("Headers for Apollo Sandbox (Connection settings → Shared headers):\n\n");
process.stdout.write(`  Authorization: Bearer ${token}\n`);
if (companies.length === 0) process.stdout.write("  (this user belongs to no company: every company-scoped query answers 403)\n");
for (const company of companies) process.stdout.write(`  X-Company-Id: ${company.id}    # ${company.name}\n`);
process.stdout.write("\n");
