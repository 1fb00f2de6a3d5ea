import { spawn } from "node:child_process";
import path from "node:path";
import { repoRoot } from "./paths";

/** `npm run build` for both apps (turbo: nothing to do when nothing changed since the last build). */
export function buildApps(timeoutMs = 240_000): Promise<void> {
  const turbo = path.join(repoRoot, "node_modules", ".bin", "turbo");
  const args = ["run", "build", "--filter=@hearth/manager", "--filter=@hearth/resident"];
  return new Promise((resolve, reject) => {
    const child = spawn(turbo, [...args, "--output-logs=errors-only"], {
      cwd: repoRoot,
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`the build failed (${signal ?? code}):\n${output}`));
    });
  });
}
