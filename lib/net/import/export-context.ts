import type { Topology } from "../topology";
import { parseAwsServiceName } from "./aws-values";

// Shared bookkeeping for exportAwsDescribe: which region each resource is listed in, and the
// per-region, per-command output objects being filled.

export type ExportedFiles = Record<string, Record<string, unknown>>;

export type ExportContext = {
  topology: Topology;
  vpcRegion: (vpcId: string | undefined) => string;
  subnetRegion: (subnetId: string | undefined) => string;
  accountOf: (vpcId: string | undefined) => string | undefined;
  /** Appends to `<region>/<command>.json`'s top-level array `key`. */
  push: (region: string, command: string, key: string, item: unknown) => void;
  /** Sets `<region>/<command>.json`[id] (the per-table / per-list commands). */
  setById: (region: string, command: string, id: string, output: unknown) => void;
  files: ExportedFiles;
};

export function createExportContext(topology: Topology): ExportContext {
  const vpcs = new Map(topology.vpcs.map((v) => [v.id, v]));
  const subnets = new Map(topology.subnets.map((s) => [s.id, s]));
  const files: ExportedFiles = {};
  const vpcRegion = (vpcId: string | undefined) =>
    (vpcId === undefined ? undefined : vpcs.get(vpcId)?.region) ?? topology.region;
  const fileOf = (region: string, command: string): Record<string, unknown> => {
    const regionFiles = (files[region] ??= {});
    return (regionFiles[command] ??= {}) as Record<string, unknown>;
  };
  return {
    topology,
    files,
    vpcRegion,
    subnetRegion: (subnetId) => vpcRegion(subnetId === undefined ? undefined : subnets.get(subnetId)?.vpcId),
    accountOf: (vpcId) => (vpcId === undefined ? undefined : vpcs.get(vpcId)?.accountId),
    push: (region, command, key, item) => {
      const file = fileOf(region, command);
      ((file[key] ??= []) as unknown[]).push(item);
    },
    setById: (region, command, id, output) => {
      fileOf(region, command)[id] = output;
    },
  };
}

/** The prefix list AWS uses for a gateway endpoint's service (aws-rules GWE-02), if the topology has one. */
export function servicePrefixListId(topology: Topology, service: string, region: string): string {
  const fromServices = topology.services.find(
    (s) => s.service === service && s.region === region,
  )?.prefixListId;
  if (fromServices !== undefined) return fromServices;
  const byName = topology.prefixLists.find((p) => {
    const parsed = p.name === undefined ? null : parseAwsServiceName(p.name);
    return parsed?.service === service && parsed.region === region;
  });
  return byName?.id ?? `pl-${service}-${region}`;
}

export const ownerField = (accountId: string | undefined): { OwnerId?: string } =>
  accountId === undefined ? {} : { OwnerId: accountId };
