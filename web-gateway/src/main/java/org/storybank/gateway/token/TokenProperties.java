package org.storybank.gateway.token;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("storybank.tokens")
record TokenProperties(String issuer, String audience, Duration timeToLive, String keyDir) {}
