/** Each profile's words, as its vendor's users know them (see the seeds). */
import type { Vocabulary } from "../vocabulary";

const startHint = "Or start a new one with the New message button.";

/** Seed 000 speaks of residents and their property manager. */
export const standardWords: Vocabulary = {
  resident: { one: "resident", many: "residents" },
  management: "your property manager",
  place: "this property",
  personInfo: "Resident info",
  unitGroupHint: "Group chat with all residents",
  startHint,
};

/** Seeds 001-002 speak of tenants and "your landlord/property manager". */
export const connectedWords: Vocabulary = {
  resident: { one: "tenant", many: "tenants" },
  management: "your landlord or property manager",
  place: "this property",
  personInfo: "Tenant info",
  unitGroupHint: "Group chat with all tenants",
  startHint,
};

/** Seed 003 speaks of members of a space. */
export const coworkingWords: Vocabulary = {
  resident: { one: "member", many: "members" },
  management: "the space",
  place: "this space",
  personInfo: "Member info",
  unitGroupHint: "Group chat with all members of this office",
  startHint,
};

/** Seed 004 speaks of tenants and their landlord ("Tenant Info"). */
export const landlordLedWords: Vocabulary = {
  resident: { one: "tenant", many: "tenants" },
  management: "your landlord",
  place: "this property",
  personInfo: "Tenant info",
  unitGroupHint: "Group chat with all tenants",
  startHint,
};
