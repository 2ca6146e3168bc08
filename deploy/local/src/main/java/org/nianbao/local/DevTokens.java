package org.nianbao.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The local run's signing key and its tokens. The key pair is made on first start under the run's data
 * folder (never committed); the services and the gateway verify tokens with its public half.
 * <pre>
 *   DevTokens keys KEY_DIR                                  create the key pair if missing
 *   DevTokens mint KEY_DIR ROLE [AGENCY|REGION] [--hours N]  print a token: ROLE is submitter (with an agency id),
 *                                                           overseer (with a region code) or admin
 * </pre>
 */
public final class DevTokens {

    static final String ISSUER = "https://nianbao.local/dev";
    static final String AUDIENCE = "nianbao";

    private DevTokens() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("keys")) {
            ensureKeys(Path.of(args[1]));
        } else if (args.length >= 3 && args[0].equals("mint")) {
            System.out.println(mint(Path.of(args[1]), args[2], List.of(args).subList(3, args.length)));
        } else {
            System.err.println("usage: DevTokens keys KEY_DIR | DevTokens mint KEY_DIR submitter AGENCY_ID | overseer REGION_CODE | admin [--hours N]");
            System.exit(2);
        }
    }

    static void ensureKeys(Path dir) throws IOException, GeneralSecurityException {
        Path privateKey = dir.resolve("private.pem");
        if (Files.exists(privateKey)) {
            return;
        }
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(dir.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        privateKey.toFile().setReadable(false, false);
        privateKey.toFile().setReadable(true, true);
    }

    public static String mint(Path dir, String role, List<String> rest) throws IOException, GeneralSecurityException {
        List<String> args = new ArrayList<>(rest);
        long hours = 12;
        int h = args.indexOf("--hours");
        if (h >= 0 && h + 1 < args.size()) {
            hours = Long.parseLong(args.get(h + 1));
            args.subList(h, h + 2).clear();
        }
        String scope = args.isEmpty() ? null : args.get(0);
        String extra = switch (role) {
            case "submitter" -> "\"agency\":\"" + require(scope, "submitter needs an agency id, e.g. edu-640323") + "\",";
            case "overseer" -> "\"region\":\"" + require(scope, "overseer needs a region code, e.g. 640000") + "\",";
            case "admin" -> "";
            default -> throw new IllegalArgumentException("role must be submitter, overseer or admin, not " + role);
        };
        String subject = role + (scope == null ? "" : "-" + scope);
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + subject + "\",\"upn\":\""
                + subject + "\",\"groups\":[\"" + role + "\"]," + extra + "\"iat\":" + now + ",\"exp\":" + (now + hours * 3600) + "}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(payload.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(privateKey(dir.resolve("private.pem")));
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64(rsa.sign());
    }

    private static String require(String value, String message) {
        if (value == null || !value.matches("[A-Za-z0-9-]{1,64}")) {
            throw new IllegalArgumentException(message);
        }
        return value;
    }

    private static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        if (!Files.exists(file)) {
            throw new IllegalStateException("no key at " + file + ": start the suite once with ./run, which creates it");
        }
        String base64 = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
