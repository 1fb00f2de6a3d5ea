import { createPostgresSearch } from "../src/index";
import { engineContract } from "./engine-contract";

engineContract("Postgres engine", async (t) => ({
  engine: createPostgresSearch(t.db),
  typos: false,
  facets: false,
}));
