/** Display labels for the enums of schema.ts. */
import type { CAPABILITIES, COMPLIANCE, Feature, MODALITIES } from '../model/schema.ts';

/** Compliance attestations, as auditors name them. */
export const COMPLIANCE_LABEL: Record<(typeof COMPLIANCE)[number], string> = {
  'soc2-type1': 'SOC 2 Type I',
  'soc2-type2': 'SOC 2 Type II',
  'iso-27001': 'ISO 27001',
  'iso-27017': 'ISO 27017',
  'iso-27018': 'ISO 27018',
  'iso-42001': 'ISO 42001',
  'hipaa-baa': 'HIPAA BAA',
  'gdpr-dpa': 'GDPR DPA',
  'pci-dss': 'PCI DSS',
  'fedramp-moderate': 'FedRAMP Moderate',
  'fedramp-high': 'FedRAMP High',
  'csa-star': 'CSA STAR',
  c5: 'C5',
  hds: 'HDS',
  tisax: 'TISAX',
};

export const AUTH_LABEL: Record<string, string> = {
  'api-key': 'API key',
  bearer: 'Bearer token',
  oauth: 'OAuth',
  'aws-sigv4': 'AWS SigV4',
  'gcp-iam': 'Google Cloud IAM',
  'azure-ad': 'Microsoft Entra ID',
};

/** Column labels of the features matrix, short enough for a narrow header. */
export const FEATURE_LABEL: Record<Feature, string> = {
  streaming: 'Streaming',
  tool_calling: 'Tools',
  parallel_tool_calls: 'Parallel tools',
  structured_output: 'Structured output',
  json_mode: 'JSON mode',
  vision: 'Vision',
  pdf_input: 'PDF',
  audio_input: 'Audio',
  logprobs: 'Logprobs',
  seed: 'Seed',
  prompt_caching: 'Prompt caching',
  batch: 'Batch',
  fine_tuning: 'Fine-tuning',
};

export const MODALITY_LABEL: Record<(typeof MODALITIES)[number], string> = {
  text: 'Text',
  image: 'Image',
  audio: 'Audio',
  video: 'Video',
  pdf: 'PDF',
};

/** true / false / absent → what a reader sees; absent is "unknown", never "no". */
export const yesNo = (v: boolean | undefined): 'Yes' | 'No' | 'Unknown' => (v === undefined ? 'Unknown' : v ? 'Yes' : 'No');

/** Label of each model capability. */
export const CAPABILITY_LABEL: Record<(typeof CAPABILITIES)[number], string> = {
  reasoning: 'Reasoning',
  tool_calling: 'Tool calling',
  structured_output: 'Structured output',
  vision: 'Vision',
  attachments: 'Attachments',
  temperature: 'Temperature',
  fine_tuning: 'Fine-tuning',
};
