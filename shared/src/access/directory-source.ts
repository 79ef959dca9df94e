// The access source read straight from the access directory tables: Core's
// entitlements and Auth's memberships, grants and permissions. It reports facts only;
// access-context.ts decides what they allow.
import type { PrismaClient, Prisma } from "./__generated__/prisma/client.ts";
import { AccessSourceUnavailableError, type AccessFacts, type AccessSource } from "./access-source.ts";

export type AccessDirectoryClient = Pick<PrismaClient, "membership">;

export interface DirectoryAccessSourceOptions {
  /** The moment entitlements are judged valid at; tests fix it. */
  now?: () => Date;
}

// PostgreSQL rejects a malformed uuid with an error; a malformed id is simply nobody.
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createDirectoryAccessSource(
  prisma: AccessDirectoryClient,
  { now = () => new Date() }: DirectoryAccessSourceOptions = {},
): AccessSource {
  return {
    async loadAccessFacts({ userId, companyId }) {
      if (!uuidPattern.test(userId) || !uuidPattern.test(companyId)) return null;
      const membership = await readDirectory(() =>
        prisma.membership.findUnique({
          where: { userId_companyId: { userId, companyId }, status: "ACTIVE" },
          select: membershipFacts(now()),
        }),
      );
      return membership ? toAccessFacts(membership) : null;
    },

    async listAccessFacts({ userId }) {
      if (!uuidPattern.test(userId)) return [];
      // One statement per relation level, whatever the number of companies.
      const memberships = await readDirectory(() =>
        prisma.membership.findMany({
          where: { userId, status: "ACTIVE" },
          select: membershipFacts(now()),
          orderBy: [{ company: { name: "asc" } }, { companyId: "asc" }],
        }),
      );
      return memberships.map(toAccessFacts);
    },
  };
}

function membershipFacts(at: Date) {
  return {
    userId: true,
    company: {
      select: {
        id: true,
        name: true,
        entitlements: {
          // Entitled right now: ACTIVE and inside [valid_from, valid_until).
          where: { status: "ACTIVE", validFrom: { lte: at }, OR: [{ validUntil: null }, { validUntil: { gt: at } }] },
          select: { moduleKey: true },
          orderBy: { moduleKey: "asc" },
        },
      },
    },
    grants: { select: { moduleKey: true }, orderBy: { moduleKey: "asc" } },
    permissions: { select: { permission: true }, orderBy: { permission: "asc" } },
  } satisfies Prisma.MembershipSelect;
}

type MembershipFacts = Prisma.MembershipGetPayload<{ select: ReturnType<typeof membershipFacts> }>;

function toAccessFacts(membership: MembershipFacts): AccessFacts {
  return {
    userId: membership.userId,
    company: { id: membership.company.id, name: membership.company.name },
    entitlements: membership.company.entitlements.map((entitlement) => entitlement.moduleKey),
    grants: membership.grants.map((grant) => grant.moduleKey),
    permissions: membership.permissions.map((permission) => permission.permission),
  };
}

async function readDirectory<T>(query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (error) {
    throw new AccessSourceUnavailableError("The access directory could not be read.", { cause: error });
  }
}
