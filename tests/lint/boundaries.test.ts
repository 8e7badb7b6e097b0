import path from "node:path";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");
// The snippets are linted as files that do not exist on disk, which the type-aware parser cannot load; the
// boundary rules under test are syntactic, so type information is switched off for them.
const eslint = new ESLint({ cwd: root, overrideConfig: [tseslint.configs.disableTypeChecked] });

async function ruleIdsFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? "parse-error");
}

describe("lib/ boundaries", () => {
  it.each([
    ['import { PrismaClient } from "@prisma/client";'],
    ['import { db } from "../db/generated/client";'],
    ['import { db } from "../db/generated-pg/client";'],
    ['import pg from "pg";'],
    ['import Link from "next/link";'],
    ['import { useState } from "react";'],
    ['import page from "../../app/page";'],
  ])(
    "rejects %s in the model",
    async (line) => {
      await expect(ruleIdsFor("lib/net/example.ts", `${line}\nexport const x = 1;\n`)).resolves.toContain(
        "no-restricted-imports",
      );
    },
    30_000,
  );

  it("lets lib/db/ use Prisma but not React", async () => {
    await expect(
      ruleIdsFor(
        "lib/db/example.ts",
        'import { PrismaClient } from "./generated/client";\nexport const make = () => new PrismaClient();\n',
      ),
    ).resolves.toEqual([]);
    await expect(
      ruleIdsFor("lib/db/example.ts", 'import { useState } from "react";\nexport const x = useState;\n'),
    ).resolves.toContain("no-restricted-imports");
  }, 30_000);

  it("rejects Math.random and Date.now in the domain, where seed and clock are injected", async () => {
    await expect(
      ruleIdsFor("lib/scenario/example.ts", "export const r = Math.random();\n"),
    ).resolves.toContain("no-restricted-properties");
    await expect(ruleIdsFor("lib/srs/example.ts", "export const t = Date.now();\n")).resolves.toContain(
      "no-restricted-properties",
    );
  }, 30_000);

  it("accepts plain domain code", async () => {
    await expect(
      ruleIdsFor("lib/net/example.ts", 'import { z } from "zod";\nexport const s = z.string();\n'),
    ).resolves.toEqual([]);
  }, 30_000);
});
