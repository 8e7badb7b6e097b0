// Maps a path inside an imported topology back to the AWS file and field it came from, for `validate`'s
// findings (which name paths of the converted topology, meaningless to someone holding describe-* files).
import type { Topology } from "../topology";
import { type AwsDescribeInput, parseAwsDescribeFiles } from "./parse-aws-describe";
import { locateIssueInAws } from "./provenance";

/** A function from a topology path to "<file>: <AWS field> (<id>)"; the path itself when the input does not parse. */
export function awsIssueLocator(
  input: AwsDescribeInput,
  topology: Topology,
  defaultRegion = "us-east-1",
): (path: string) => string {
  const parsed = parseAwsDescribeFiles(input, defaultRegion);
  if (!parsed.ok) return (path) => path;
  return (path) => locateIssueInAws(topology, path, parsed.regions);
}
