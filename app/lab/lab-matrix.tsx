"use client";

import { useId, useState } from "react";
import type { MatrixView } from "@/lib/lab/lab-run";

export type MatrixAsk = { instances: string[]; protocol: "tcp" | "udp" | "icmp"; port?: number };

/** Who can reach whom: pick instances and a port; each cell is one analysis by the model. */
export function LabMatrix({
  instances,
  matrix,
  busy,
  onCheck,
}: {
  instances: string[];
  matrix: MatrixView | undefined;
  busy: boolean;
  onCheck: (ask: MatrixAsk) => void;
}) {
  const ids = useId();
  const [chosen, setChosen] = useState<string[] | undefined>();
  const [protocol, setProtocol] = useState<"tcp" | "udp" | "icmp">("tcp");
  const [port, setPort] = useState("443");
  const picked = (chosen ?? instances.slice(0, 6)).filter((name) => instances.includes(name));
  const portNumber = Number.parseInt(port, 10);
  return (
    <>
      <form
        className="lab-form"
        aria-labelledby={`${ids}-title`}
        onSubmit={(event) => {
          event.preventDefault();
          onCheck({
            instances: picked,
            protocol,
            ...(protocol === "icmp" || Number.isNaN(portNumber) ? {} : { port: portNumber }),
          });
        }}
      >
        <h3 id={`${ids}-title`}>Who can reach whom</h3>
        <fieldset>
          <legend>Instances (2 to 12)</legend>
          <div className="lab-row">
            {instances.map((name) => (
              <label key={name}>
                <input
                  type="checkbox"
                  checked={picked.includes(name)}
                  onChange={(event) =>
                    setChosen(
                      event.target.checked ? [...picked, name] : picked.filter((other) => other !== name),
                    )
                  }
                />{" "}
                {name}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="lab-row">
          <label className="field">
            Protocol
            <select
              value={protocol}
              onChange={(event) => setProtocol(event.target.value as "tcp" | "udp" | "icmp")}
            >
              <option value="tcp">TCP</option>
              <option value="udp">UDP</option>
              <option value="icmp">ICMP</option>
            </select>
          </label>
          <label className="field">
            Port
            <input
              value={port}
              onChange={(event) => setPort(event.target.value)}
              inputMode="numeric"
              disabled={protocol === "icmp"}
            />
          </label>
        </div>
        <button
          type="submit"
          className="button"
          disabled={busy || picked.length < 2 || picked.length > 12}
          data-testid="lab-matrix-check"
        >
          Check
        </button>
      </form>
      {matrix ? (
        <div className="lab-scroll scroll-region" tabIndex={0} role="group" aria-label="Reachability matrix">
          <table data-testid="lab-matrix">
            <caption>
              Rows reach columns on {matrix.protocol.toUpperCase()}
              {matrix.port === undefined ? "" : ` ${matrix.port}`}
            </caption>
            <thead>
              <tr>
                <th scope="col">From \ To</th>
                {matrix.instances.map((name) => (
                  <th key={name} scope="col">
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.rows.map((row, i) => (
                <tr key={matrix.instances[i]}>
                  <th scope="row">{matrix.instances[i]}</th>
                  {row.map((cell, j) => (
                    <td key={j}>{cell === null ? "—" : cell ? "yes" : "no"}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
