/** What the demo contains: one organization per policy profile, the same cast in each. */

export const DEMO_PASSWORD = "demo-password";
export const OPERATOR_EMAIL = "operator@platform.demo";

export interface DemoOrganization {
  slug: "standard" | "connected" | "coworking" | "landlord-led";
  name: string;
  mode: "landlord" | "property_manager";
  properties: [string, string];
}

export const demoOrganizations: DemoOrganization[] = [
  {
    slug: "standard",
    name: "Maple Residential",
    mode: "property_manager",
    properties: ["Maple Court", "Birch House"],
  },
  {
    slug: "connected",
    name: "Harbor Property Management",
    mode: "property_manager",
    properties: ["Harbor View", "Dockside Lofts"],
  },
  {
    slug: "coworking",
    name: "Foundry Workspace",
    mode: "property_manager",
    properties: ["Foundry Downtown", "Foundry Riverside"],
  },
  {
    slug: "landlord-led",
    name: "Oakview Rentals",
    mode: "landlord",
    properties: ["Oakview Terrace", "Cedar Row"],
  },
];

export type DemoRole =
  | "owner"
  | "team"
  | "resident"
  | "roommate"
  | "future"
  | "former"
  | "invited"
  | "pro"
  | "landowner";

export interface DemoPerson {
  role: DemoRole;
  name: string;
  kind: "manager" | "resident" | "service_pro" | "owner";
  managerRole?: "account_owner" | "sub_user";
  /** What the launcher prints beside the login. */
  description: string;
  /** Invited people have no password until they accept. */
  invited?: boolean;
}

export const demoCast: DemoPerson[] = [
  {
    role: "owner",
    name: "Morgan Reyes",
    kind: "manager",
    managerRole: "account_owner",
    description: "account owner",
  },
  {
    role: "team",
    name: "Taylor Brooks",
    kind: "manager",
    managerRole: "sub_user",
    description: "sub-user",
  },
  { role: "resident", name: "Riley Chen", kind: "resident", description: "resident, active lease" },
  { role: "roommate", name: "Sam Patel", kind: "resident", description: "same unit, active lease" },
  { role: "future", name: "Jordan Ellis", kind: "resident", description: "future lease" },
  { role: "former", name: "Casey Moreno", kind: "resident", description: "expired lease" },
  {
    role: "invited",
    name: "Avery Kim",
    kind: "resident",
    description: "invited, not connected",
    invited: true,
  },
  { role: "pro", name: "Devon Hart", kind: "service_pro", description: "service pro" },
  { role: "landowner", name: "Lena Novak", kind: "owner", description: "property owner" },
];

export function demoEmail(role: DemoRole, slug: string): string {
  return `${role === "landowner" ? "landowner" : role}@${slug}.demo`;
}

/** The logins the dev launcher and README show. */
export function demoLogins(): {
  app: "manager" | "resident";
  email: string;
  description: string;
}[] {
  const logins: { app: "manager" | "resident"; email: string; description: string }[] = [
    { app: "manager", email: OPERATOR_EMAIL, description: "operator (all organizations)" },
  ];
  for (const org of demoOrganizations) {
    for (const person of demoCast) {
      if (person.invited) continue;
      logins.push({
        app: person.kind === "manager" ? "manager" : "resident",
        email: demoEmail(person.role, org.slug),
        description: `${org.name} (${org.slug}): ${person.description}`,
      });
    }
  }
  return logins;
}
