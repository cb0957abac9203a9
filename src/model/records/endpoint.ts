/**
 * An endpoint (API) a server-role component serves: an HTTP method and path, or a gRPC method,
 * a WebSocket message or a stream message by name. APIs belong to the back end, never to a
 * client (the validator's `endpoint-on-client`).
 */
import { LIMITS } from '../limits';
import type { z } from './fields';
import { id, oneOf, optionalText, record, text, withoutUndefined } from './fields';
import { idList } from './idList';

/** RPC: a gRPC (or other RPC) method; WS: a WebSocket message; STREAM: a stream message. */
export const ENDPOINT_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'RPC', 'WS', 'STREAM'] as const;
export type EndpointMethod = (typeof ENDPOINT_METHODS)[number];

/** The shape, in the order a file writes the fields. */
export const ENDPOINT_SHAPE = {
  id: id(),
  /** The component that serves it. */
  node: id(),
  method: oneOf(ENDPOINT_METHODS, 'an endpoint method'),
  /** `/v1/urls/{code}`, or a name such as `UrlService.Resolve`. */
  path: text(LIMITS.maxLabelLength).refine((value) => value !== '', { error: 'must not be empty' }),
  summary: optionalText(LIMITS.maxLabelLength),
  /** The request's shape as short text, e.g. `{ longUrl, alias? }`. */
  request: optionalText(LIMITS.maxLabelLength, { multiline: true }),
  response: optionalText(LIMITS.maxLabelLength, { multiline: true }),
  /** Ids of the requirements it serves. */
  requirements: idList('requirement ids'),
};

/** Fields that hold a node's id. */
export const ENDPOINT_NODE_REFERENCES = ['node'] as const;

export const EndpointRecord = record(ENDPOINT_SHAPE).overwrite(withoutUndefined);
export type DiagramEndpoint = z.output<typeof EndpointRecord>;
