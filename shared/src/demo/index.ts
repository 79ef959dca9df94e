// The demo world (`@marquee/kit/demo`): the companies, users, entities and history of the
// README's "Demo data", and how modules seed it. Only the local stack and the tests load it.
export * from "./demo-tenants.ts";
export * from "./demo-entities.ts";
export * from "./demo-history.ts";
export { seedDemoAccess, demoCompaniesOf } from "./demo-access.ts";
export { defineModuleDemo, type ModuleDemo } from "./module-demo.ts";
