// The access source read straight from the access directory tables: Core's
// entitlements and Auth's memberships, grants and permissions. It reports facts only;
// access-context.ts decides what they allow.
//
// Plain SQL, one statement per read, rather than the directory's Prisma client (which sent
// one per relation, five in all): these two reads are all a serving process asks of the
// directory, and a Prisma client of its own cost every subgraph process about 40 MB more
// resident memory once it had served a few hundred reads (issue #8).
// schema.prisma still declares the tables; the drift test holds the migrations to it.
import type { SqlPool } from "../db/sql-executor.ts";
import { AccessSourceUnavailableError, type AccessFacts, type AccessSource } from "./access-source.ts";

export type AccessDirectoryReader = Pick<SqlPool, "query">;

export interface DirectoryAccessSourceOptions {
  /** The moment entitlements are judged valid at; tests fix it. */
  now?: () => Date;
}

// PostgreSQL rejects a malformed uuid with an error; a malformed id is simply nobody.
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface MembershipFactsRow {
  userId: string;
  companyId: string;
  companyName: string;
  entitlements: string[];
  grants: string[];
  permissions: string[];
}

/**
 * A user's active memberships with their facts ($1 the moment entitlements are judged at,
 * $2 the user), each list sorted so that equal facts compare equal. `companyFilter` narrows
 * it to one company ($3).
 */
function membershipFactsSql(companyFilter: string): string {
  return `
    SELECT m.user_id AS "userId", c.id AS "companyId", c.name AS "companyName",
      -- Entitled right now: ACTIVE and inside [valid_from, valid_until).
      ARRAY(SELECT e.module_key FROM access.entitlement e
            WHERE e.company_id = c.id AND e.status = 'ACTIVE' AND e.valid_from <= $1::timestamptz
              AND (e.valid_until IS NULL OR e.valid_until > $1::timestamptz)
            ORDER BY e.module_key) AS entitlements,
      ARRAY(SELECT g.module_key FROM access.membership_module_grant g WHERE g.membership_id = m.id ORDER BY g.module_key) AS grants,
      ARRAY(SELECT p.permission FROM access.membership_permission p WHERE p.membership_id = m.id ORDER BY p.permission) AS permissions
    FROM access.membership m
    JOIN access.company c ON c.id = m.company_id
    WHERE m.user_id = $2::uuid AND m.status = 'ACTIVE' ${companyFilter}
    ORDER BY c.name, c.id`;
}

const oneMembershipSql = membershipFactsSql("AND m.company_id = $3::uuid");
const everyMembershipSql = membershipFactsSql("");

export function createDirectoryAccessSource(
  directory: AccessDirectoryReader,
  { now = () => new Date() }: DirectoryAccessSourceOptions = {},
): AccessSource {
  const read = async (sql: string, params: unknown[]): Promise<AccessFacts[]> => {
    try {
      return (await directory.query<MembershipFactsRow>(sql, params)).map(toAccessFacts);
    } catch (error) {
      throw new AccessSourceUnavailableError("The access directory could not be read.", { cause: error });
    }
  };
  return {
    async loadAccessFacts({ userId, companyId }) {
      if (!uuidPattern.test(userId) || !uuidPattern.test(companyId)) return null;
      const [facts] = await read(oneMembershipSql, [now(), userId, companyId]);
      return facts ?? null;
    },

    async listAccessFacts({ userId }) {
      if (!uuidPattern.test(userId)) return [];
      return read(everyMembershipSql, [now(), userId]);
    },
  };
}

function toAccessFacts(row: MembershipFactsRow): AccessFacts {
  return {
    userId: row.userId,
    company: { id: row.companyId, name: row.companyName },
    entitlements: row.entitlements,
    grants: row.grants,
    permissions: row.permissions,
  };
}
