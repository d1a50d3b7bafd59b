package cn.hexi.newsroom.parse;

import cn.hexi.newsroom.parse.cli.ParseCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class ParseApplication {

    @Bean
    IssueParser issueParser() {
        return new IssueParser();
    }

    /** {@code parse FILE...} parses offline and prints JSON, with no broker and no Spring context. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("parse")) {
            System.exit(ParseCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(ParseApplication.class, args);
    }
}
