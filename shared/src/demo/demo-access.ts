// The demo world's companies, entitlements, users and memberships (README, "Demo data").
// Permissions come from the modules' catalogs, so the demo grants exactly the keys the
// rules check. The mix is chosen so that every access outcome can be tried by hand.
import { moduleOfPermission } from "../access/access-context.ts";
import { createAccessDirectoryClient } from "../access/access-directory-client.ts";
import type { DatabaseTarget } from "../db/database-target.ts";
import type { PermissionCatalog } from "../permissions/permission-catalog.ts";
import { demoCompanies, demoUsers } from "./demo-tenants.ts";

const allModules = ["basic", "finance", "market", "touring", "venue", "ai"];

interface DemoMembership {
  user: { id: string };
  company: { id: string };
  grants: string[];
  /** Which of the granted modules' catalog keys the membership holds. */
  permissions: (key: string) => boolean;
}

const viewOnly = (key: string) => key.endsWith(".view");

const demoMemberships: DemoMembership[] = [
  // Alice runs Northwind Live: every module, every permission.
  { user: demoUsers.alice, company: demoCompanies.northwind, grants: allModules, permissions: () => true },
  // Bob is Northwind's bookkeeper trainee: he reads events and money but changes nothing.
  { user: demoUsers.bob, company: demoCompanies.northwind, grants: ["basic", "finance"], permissions: viewOnly },
  // Hana manages Harbor Hall, a venue operator without `basic`: finance and venue in full.
  { user: demoUsers.hana, company: demoCompanies.harbor, grants: ["finance", "venue"], permissions: () => true },
  // Sam works for both, with different rights in each: at Northwind reads and records expenses;
  { user: demoUsers.sam, company: demoCompanies.northwind, grants: ["basic", "finance"], permissions: (key) => viewOnly(key) || key === "finance.expense.create" },
  // at Harbor Hall runs the venue, holds a `basic` grant the company is not entitled to,
  // and has no finance grant although the company is entitled to finance.
  { user: demoUsers.sam, company: demoCompanies.harbor, grants: ["venue", "basic"], permissions: (key) => key.startsWith("venue.") || key === "basic.event.view" },
];

const demoEntitlements = [
  { company: demoCompanies.northwind, modules: allModules },
  { company: demoCompanies.harbor, modules: ["finance", "venue"] },
];

/** Writes the demo companies, users and memberships into the access directory on `target`, with permissions from the given catalogs. */
export async function seedDemoAccess(target: DatabaseTarget, catalogs: PermissionCatalog[]): Promise<void> {
  const catalogKeys = catalogs.flatMap((catalog) => [...catalog.keys]);
  const prisma = createAccessDirectoryClient(target);
  try {
    await prisma.$transaction(async (tx) => {
      await tx.company.createMany({ data: Object.values(demoCompanies).map(({ id, name, slug }) => ({ id, name, slug })) });
      await tx.entitlement.createMany({
        data: demoEntitlements.flatMap(({ company, modules }) => modules.map((moduleKey) => ({ companyId: company.id, moduleKey, status: "ACTIVE" as const }))),
      });
      await tx.user.createMany({ data: Object.values(demoUsers).map(({ id, email, displayName }) => ({ id, email, displayName })) });
      for (const membership of demoMemberships) {
        const { id } = await tx.membership.create({ data: { userId: membership.user.id, companyId: membership.company.id, status: "ACTIVE" } });
        await tx.membershipModuleGrant.createMany({ data: membership.grants.map((moduleKey) => ({ membershipId: id, moduleKey })) });
        const permissions = catalogKeys.filter((key) => membership.grants.includes(moduleOfPermission(key)) && membership.permissions(key));
        await tx.membershipPermission.createMany({
          data: permissions.map((permission) => ({ membershipId: id, moduleKey: moduleOfPermission(permission), permission })),
        });
      }
    });
  } finally {
    await prisma.$disconnect();
  }
}

/** The demo companies a demo user belongs to (for `npm run token`'s hints). */
export function demoCompaniesOf(userId: string): { id: string; name: string }[] {
  return demoMemberships.filter((membership) => membership.user.id === userId).map((membership) => membership.company as { id: string; name: string });
}
