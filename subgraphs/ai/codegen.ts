// Resolver types for schema.graphql, typed against the AI context and the records and
// domain values that stand behind each GraphQL type.
import { subgraphCodegen } from "../../shared/src/codegen/subgraph-codegen.ts";

export default subgraphCodegen({
  folder: "subgraphs/ai",
  contextType: "../context.ts#AiContext",
  mappers: {
    Event: "../data/records.ts#EntityReference",
    Artist: "../data/records.ts#EntityReference",
    EventPrediction: "../data/records.ts#PredictionRecord",
    StoredPrediction: "../data/records.ts#StoredPredictionRecord",
    ModelFit: "../data/records.ts#ModelFitRecord",
    Analytics: "../domain/index.ts#SellThroughAnalytics",
    ArtistSellThrough: "../domain/index.ts#SellThroughGroup as HeadlinerSellThrough",
    ArtistDrawScore: "../domain/index.ts#DrawScore",
    Backtest: "../domain/index.ts#Backtest as DomainBacktest",
  },
});
