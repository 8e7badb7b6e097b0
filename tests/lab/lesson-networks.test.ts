import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lessonNetworkTitles } from "@/lib/lab/lesson-networks";

describe("the lab's names for the lesson networks", () => {
  it("titles each network and names the first lesson that draws it, in lesson order", () => {
    const titles = lessonNetworkTitles(
      ["tgw-hub", "abc-peering-chain", "not-drawn"],
      [
        { order: 13, title: "Exam strategy", body: '<Topology example="abc-peering-chain" />' },
        { order: 9, title: "Transit gateway", body: 'x\n<Topology example="tgw-hub" port={443} />' },
        {
          order: 2,
          title: "VPC peering",
          body: '<Topology example="abc-peering-chain" highlightFrom="a" />',
        },
      ],
    );
    expect(titles.map((entry) => [entry.name, entry.label])).toEqual([
      ["abc-peering-chain", "Peering chain A–B–C (lesson 2)"],
      ["tgw-hub", "Transit gateway hub with three VPCs (lesson 9)"],
      ["not-drawn", "not-drawn"],
    ]);
    expect(titles[1]?.lesson).toEqual({ order: 9, title: "Transit gateway" });
  });

  it("has a title and a lesson for every network in content/topologies", () => {
    const root = path.resolve(import.meta.dirname, "..", "..", "content");
    const names = fs
      .readdirSync(path.join(root, "topologies"))
      .filter((file) => file.endsWith(".yaml"))
      .map((file) => file.replace(/\.yaml$/, ""));
    const lessons = fs.readdirSync(path.join(root, "lessons")).map((file) => ({
      order: Number(file.slice(0, 2)),
      title: file,
      body: fs.readFileSync(path.join(root, "lessons", file), "utf8"),
    }));
    for (const entry of lessonNetworkTitles(names, lessons)) {
      expect(entry.title, entry.name).not.toBe(entry.name);
      expect(entry.lesson, entry.name).toBeDefined();
    }
  });
});
