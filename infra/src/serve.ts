/**
 * `npm start`: the production build of both apps and the job worker in one process, on Postgres
 * (embedded unless DATABASE_URL is set). See infra/deploy/README.md.
 */

// As remix-serve does: React and the API run in production mode unless told otherwise. Set
// before anything that reads it is loaded.
process.env.NODE_ENV ??= "production";
await import("./server/main");
