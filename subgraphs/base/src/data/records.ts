// The rows behind Base's GraphQL types (codegen.ts maps them), as Prisma reads them.
export type { Artist as ArtistRecord, Event as EventRecord } from "../__generated__/prisma/client.ts";
