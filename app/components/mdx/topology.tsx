import { highlightFromAnalysis, topologyToDiagram } from "@/lib/diagram/from-topology";
import { layoutDiagram } from "@/lib/diagram/layout";
import { analyze, type Protocol } from "@/lib/net";
import { loadExampleTopology } from "@/app/lessons/course";
import { TopologyDiagram } from "../topology-diagram";

/** `<Topology example="abc-peering-chain" highlightFrom="A" highlightTo="C" port={443} />` inside a lesson. */
export async function Topology({
  example,
  highlightFrom,
  highlightTo,
  port,
  protocol = "tcp",
}: {
  example: string;
  highlightFrom?: string;
  highlightTo?: string;
  port?: number;
  protocol?: Protocol;
}) {
  const topology = loadExampleTopology(example);
  const diagram = topologyToDiagram(topology);
  const placed = await layoutDiagram(diagram);
  const analysis =
    highlightFrom && highlightTo
      ? analyze(topology, {
          from: highlightFrom,
          to: highlightTo,
          protocol,
          ...(port === undefined ? {} : { port }),
        })
      : undefined;
  const title = topology.description ?? example;
  return (
    <>
      <TopologyDiagram
        diagram={placed}
        title={title}
        highlight={analysis ? highlightFromAnalysis(topology, diagram, analysis) : undefined}
      />
      {analysis ? (
        <p className={analysis.reachable ? "trace-verdict ok" : "trace-verdict bad"}>
          {highlightFrom} → {highlightTo}
          {port === undefined ? "" : ` on ${protocol.toUpperCase()} ${port}`}:{" "}
          {analysis.reachable ? "reachable" : `not reachable — ${analysis.blockers[0]?.message ?? "no path"}`}
        </p>
      ) : null}
    </>
  );
}
