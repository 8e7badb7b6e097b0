// AWS describe-* JSON <-> topology: the only code that knows AWS API shapes (style.md).
export {
  importAwsDescribe,
  type ImportAwsDescribeResult,
  type ImportAwsDescribeOptions,
} from "./import-aws-describe";
export { exportAwsDescribe, type ExportedFiles } from "./export-aws-describe";
export { parseAwsDescribeFiles, type AwsDescribeInput } from "./parse-aws-describe";
export { awsIssueLocator } from "./issue-locator";
export { AWS_DESCRIBE_COMMANDS, type AwsDescribeCommand } from "./aws-describe-files";
