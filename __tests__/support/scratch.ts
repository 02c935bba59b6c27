/**
 * Scratch folders for tests, under the git-ignored `.work/` (or `TEST_WORK_DIR`), each removed
 * after the tests of the file that made it: importing this module registers the clean-up for
 * that file (jest gives every test file its own module registry), so no test can forget it and
 * `npm test` leaves nothing behind.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

/** Where tests write (`TEST_WORK_DIR` moves it, so a test can check what a jest run leaves). */
export const TEST_WORK_DIR = process.env.TEST_WORK_DIR ? resolve(process.env.TEST_WORK_DIR) : resolve(__dirname, "../../.work");

const made: string[] = [];

/** A fresh folder `<prefix>-XXXXXX` under the work folder, removed after this test file. */
export function scratchDir(prefix: string): string {
  mkdirSync(TEST_WORK_DIR, { recursive: true }); // absent in a fresh clone
  const dir = mkdtempSync(join(TEST_WORK_DIR, `${prefix}-`));
  made.push(dir);
  return dir;
}

if (typeof afterAll === "function") {
  afterAll(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
}
