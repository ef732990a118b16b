/**
 * What the member-tree protocols share, whatever their body format: awsJson1_1 and restJson (JSON) and rpcv2Cbor
 * (CBOR) all decode a request to a tree of members and bind it strictly to the operation's input record
 * ({@link io.gatepass.server.internal.protocol.tree.JsonProtocolSupport}, {@link io.gatepass.server.internal.protocol.tree.BodyMappers}),
 * and write {@code {"__type", "message"}} error bodies. No codec reaches into another codec's package.
 */
package io.gatepass.server.internal.protocol.tree;
