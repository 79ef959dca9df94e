// The demo world's fixed identities (README, "Demo data"): the companies and users that
// the first start seeds, with stable ids so that tokens, seeds and docs agree.
export const demoCompanies = {
  northwind: { id: "0b0c6a2e-2f1d-4a3e-9a55-1d0a7c1e0001", name: "Northwind Live", slug: "northwind-live" },
  harbor: { id: "0b0c6a2e-2f1d-4a3e-9a55-1d0a7c1e0002", name: "Harbor Hall", slug: "harbor-hall" },
} as const;

export const demoUsers = {
  alice: { id: "5e1f0a8b-7c2d-4e6f-8a9b-0c1d2e3f0001", email: "alice@northwind.test", displayName: "Alice Moreno" },
  bob: { id: "5e1f0a8b-7c2d-4e6f-8a9b-0c1d2e3f0002", email: "bob@northwind.test", displayName: "Bob Okafor" },
  hana: { id: "5e1f0a8b-7c2d-4e6f-8a9b-0c1d2e3f0003", email: "hana@harbor.test", displayName: "Hana Sato" },
  sam: { id: "5e1f0a8b-7c2d-4e6f-8a9b-0c1d2e3f0004", email: "sam@both.test", displayName: "Sam Lindqvist" },
  nobody: { id: "5e1f0a8b-7c2d-4e6f-8a9b-0c1d2e3f0005", email: "nobody@nowhere.test", displayName: "Nobody Atall" },
} as const;

export type DemoUser = (typeof demoUsers)[keyof typeof demoUsers];

export function demoUserByEmail(email: string): DemoUser | undefined {
  return Object.values(demoUsers).find((user) => user.email === email.toLowerCase());
}
