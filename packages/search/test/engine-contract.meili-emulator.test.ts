import { createMeiliSearch } from "../src/index";
import { engineContract } from "./engine-contract";
import { startMeiliEmulator } from "./meili-emulator";

engineContract("Meilisearch engine on the emulator", async () => {
  const meili = await startMeiliEmulator({ masterKey: "contract-key" });
  return {
    engine: createMeiliSearch({ host: meili.url, apiKey: "contract-key", indexName: "messages" }),
    typos: true,
    facets: true,
    tearDown: () => meili.close(),
  };
});
