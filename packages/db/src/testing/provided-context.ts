/** What the globalSetup hands each test file (see vitest's provide / inject). */
declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: { adminUrl: string; template: string; seededTemplate: string; runId: string };
  }
}

export {};
