package io.worklane.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) for the tests' one application context, on a free port; Worklane
 * sends to it as to any mail server. Tests read what one address received.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestMail {

    @Bean(destroyMethod = "stop")
    GreenMail greenMail() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        return mail;
    }

    @Bean
    JavaMailSender mailSender(GreenMail greenMail) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(greenMail.getSmtp().getPort());
        return sender;
    }

    /** The messages {@code address} received, oldest first. */
    public static List<MimeMessage> to(GreenMail mail, String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The text of a plain message. */
    public static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path (from /t/) of the first link in {@code text} after {@code label}. */
    public static String link(String text, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + "\\s+https?://[^/]+(/\\S+)").matcher(text);
        if (!m.find()) {
            throw new AssertionError("no link after '" + label + "' in:\n" + text);
        }
        return m.group(1);
    }
}
