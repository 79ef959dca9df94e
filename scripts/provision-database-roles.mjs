// Creates (or brings up to date) the PostgreSQL roles and schemas of every data owner, as an
// administrator, before the first migration: see shared/src/db/database-roles.ts for what
// each role may do. The administrator's URL is the argument, else DATABASE_ADMIN_URL (how
// the image runs it: MARQUEE_PROCESS=provision-database-roles, see deploy/). Every role's
// password comes from <ROLE>_PASSWORD, e.g. MARQUEE_FINANCE_PASSWORD and
// MARQUEE_FINANCE_OWNER_PASSWORD, at least 16 characters (a placeholder such as CHANGE-ME
// is refused); all are required unless --without-passwords is given (a server that trusts
// its local connections). Runs the build.
//
//   node scripts/provision-database-roles.mjs postgresql://admin@db:5432/marquee [--without-passwords]
//   DATABASE_ADMIN_URL=postgresql://admin@db:5432/marquee node scripts/provision-database-roles.mjs
import { dataOwners, ownerRoleOf, provisionDatabaseRoles, servingRoleOf } from "@marquee/kit";

const minimumPasswordLength = 16;
const usage = "usage: node scripts/provision-database-roles.mjs [<admin postgresql:// URL>] [--without-passwords] (the URL defaults to DATABASE_ADMIN_URL)\n";
const refuse = (message) => {
  process.stderr.write(message);
  process.exit(2);
};

const args = process.argv.slice(2);
const withoutPasswords = args.includes("--without-passwords");
const positional = args.filter((arg) => arg !== "--without-passwords");
if (positional.length > 1 || positional.some((arg) => arg.startsWith("--"))) refuse(usage);
const adminUrl = positional[0] ?? process.env["DATABASE_ADMIN_URL"]?.trim();
if (!adminUrl) refuse(usage);
// The value itself stays out of the message: it carries a password.
if (!URL.canParse(adminUrl) || !["postgres:", "postgresql:"].includes(new URL(adminUrl).protocol)) {
  refuse(`The administrator's URL (${positional[0] === undefined ? "DATABASE_ADMIN_URL" : "the argument"}) must be a postgres:// or postgresql:// URL.\n`);
}

const roles = dataOwners.flatMap((owner) => [ownerRoleOf(owner), servingRoleOf(owner)]);
const variableOf = (role) => `${role.toUpperCase()}_PASSWORD`;
const passwords = Object.fromEntries(roles.flatMap((role) => (process.env[variableOf(role)] ? [[role, process.env[variableOf(role)]]] : [])));
const missing = roles.filter((role) => passwords[role] === undefined);
if (!withoutPasswords && missing.length > 0) {
  refuse(`Missing passwords: ${missing.map(variableOf).join(", ")} (or pass --without-passwords).\n`);
}
const short = roles.filter((role) => passwords[role] !== undefined && passwords[role].length < minimumPasswordLength);
if (short.length > 0) refuse(`Passwords shorter than ${minimumPasswordLength} characters: ${short.map(variableOf).join(", ")}.\n`);

await provisionDatabaseRoles(adminUrl, { passwords });
process.stdout.write(`Provisioned ${roles.join(", ")}.\n`);
