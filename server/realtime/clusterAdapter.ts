import { createAdapter, createShardedAdapter } from "@socket.io/redis-adapter";
import { connectRedis, redisPrefix, supportsShardedPubSub } from "../cluster/redis";
import type { RealtimeServer } from "./server";

/**
 * Routes socket.io broadcasts, room operations and disconnects through Redis so
 * that every instance behind the load balancer reaches its own sockets. Uses
 * sharded pub/sub on Redis 7+, classic pub/sub before. Returns a closer.
 */
export async function useRedisAdapter(
  io: RealtimeServer,
  url: string,
): Promise<{ mode: "sharded" | "classic"; close(): Promise<void> }> {
  const pub = (await connectRedis(url))!;
  const sub = pub.duplicate();
  sub.on("error", (error: Error) => console.error(`Redis 订阅连接错误：${error.message}`));
  await sub.connect();
  const sharded = await supportsShardedPubSub(pub);
  io.adapter(
    sharded
      ? // "static": every broadcast goes through the one channel every instance has subscribed since start-up.
        // The default "dynamic" subscribes to a room's channel only when the instance's first socket joins it,
        // asynchronously, so an event for that room published meanwhile would miss the socket that just joined.
        createShardedAdapter(pub, sub, { channelPrefix: redisPrefix(), subscriptionMode: "static" })
      : createAdapter(pub, sub, { key: redisPrefix() }),
  );
  return {
    mode: sharded ? "sharded" : "classic",
    async close() {
      await Promise.allSettled([sub.quit(), pub.quit()]);
    },
  };
}
