// A module's part of the demo world, kept apart from the module itself so that a
// production process never loads demo data: the local stack seeds it on a database the
// start has just created, through a client of its own.
import type { DatabaseTarget } from "../db/database-target.ts";
import type { ModulePrismaClient } from "../subgraph/define-subgraph.ts";

export interface ModuleDemo {
  /** The subgraph whose data it writes (`SubgraphPackage.name`). */
  name: string;
  seed(target: DatabaseTarget): Promise<void>;
}

export function defineModuleDemo<Prisma extends ModulePrismaClient>(
  name: string,
  createPrisma: (target: DatabaseTarget) => Prisma,
  seed: (prisma: Prisma) => Promise<void>,
): ModuleDemo {
  return {
    name,
    async seed(target) {
      const prisma = createPrisma(target);
      try {
        await seed(prisma);
      } finally {
        await prisma.$disconnect();
      }
    },
  };
}
