// The apps run Remix with single fetch (see their vite.config.ts); loader types follow it here too.
declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export {};
