import { subgraphCodegen } from "../../shared/src/codegen/subgraph-codegen.ts";

export default subgraphCodegen({
  folder: "subgraphs/base",
  contextType: "../context.ts#BaseContext",
  mappers: {
    Event: "../data/records.ts#EventRecord",
    Artist: "../data/records.ts#ArtistRecord",
    TicketTier: "../data/records.ts#PricedTicketTier",
    Dashboard: "../resolvers/Dashboard.ts#DashboardRequest",
    Viewer: "../resolvers/Viewer.ts#ViewerIdentity",
    Money: "@marquee/kit#Money as DomainMoney",
  },
});
