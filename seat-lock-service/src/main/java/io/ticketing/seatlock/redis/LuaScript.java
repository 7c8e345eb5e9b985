package io.ticketing.seatlock.redis;

/** The Lua scripts under {@code src/main/resources/lua}; each runs as one atomic EVALSHA. */
public enum LuaScript {
    LOCK("lock"),
    VERIFY("verify"),
    EXTEND("extend"),
    RELEASE("release"),
    LIST("list"),
    CLAIM("claim"),
    CONFIRM("confirm"),
    ABORT("abort"),
    CANCEL("cancel"),
    RESTORE_SOLD("restore_sold"),
    ABANDON("abandon"),
    PUBLISH_MAP("publish_map"),
    SWEEP("sweep");

    final String file;

    LuaScript(String name) {
        this.file = "lua/" + name + ".lua";
    }
}
