// Remix renders documents with the shared renderer: CSP nonce on every script, errors logged.
export { default, handleError } from "@hearth/ui/entry-server";
