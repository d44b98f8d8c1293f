package io.tributary.agent.it;

import io.tributary.agent.config.AgentConfig;
import io.tributary.agent.runtime.Agent;
import io.tributary.agent.testing.TestOriginType;
import io.tributary.config.YamlLoader;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;

/**
 * A child process for {@link AgentCrashIT}: runs an agent from the config file in args[0] and feeds its test
 * origin forever, printing {@code ACK <device>/<seq>} once each payload's acknowledgement arrived, until it is
 * killed.
 */
public final class CrashingAgentMain {
    public static void main(String[] args) throws Exception {
        Agent agent = Agent.build(AgentConfig.parse(new YamlLoader().load(Path.of(args[0]))));
        agent.start();
        TestOriginType.TestOrigin origin = TestOriginType.origin("in");
        Semaphore window = new Semaphore(200);
        for (long seq = 0; ; seq++) {
            window.acquire();
            String device = "dev-" + (seq % 4);
            long s = seq;
            origin.send(AgentFixture.events(device, s, 1)).whenComplete((r, e) -> {
                if (e == null) {
                    synchronized (System.out) {
                        System.out.println("ACK " + device + "/" + s);
                        System.out.flush();
                    }
                }
                window.release();
            });
        }
    }
}
