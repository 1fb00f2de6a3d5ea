// `?url` imports (the PDF preview's worker) are resolved by the apps' Vite build.
/// <reference types="vite/client" />
