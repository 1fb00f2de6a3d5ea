import { MeiliSearch } from "meilisearch";
import { describe, it } from "vitest";
import { createMeiliSearch } from "../src/index";
import { engineContract } from "./engine-contract";

const url = process.env.MEILI_URL;
const apiKey = process.env.MEILI_API_KEY ?? process.env.MEILI_MASTER_KEY;

if (url) {
  engineContract("Meilisearch engine on a real server", async () => {
    const indexName = `hearth_contract_${Date.now().toString(36)}`;
    return {
      engine: createMeiliSearch({ host: url, ...(apiKey ? { apiKey } : {}), indexName }),
      typos: true,
      facets: true,
      async tearDown() {
        const client = new MeiliSearch({ host: url, ...(apiKey ? { apiKey } : {}) });
        await client.deleteIndex(indexName).waitTask();
      },
    };
  });
} else {
  describe.skip("Meilisearch engine on a real server (needs MEILI_URL, and MEILI_MASTER_KEY when it has one)", () => {
    it("runs the engine contract", () => {});
  });
}
