package cn.hexi.newsroom.ingest;

import cn.hexi.newsroom.ingest.cli.IngestCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(IngestProperties.class)
public class IngestApplication {

    /** {@code ingest FILE...} runs the command-line ingester instead of the service. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("ingest")) {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(IngestApplication.class)
                    .web(WebApplicationType.NONE)
                    .profiles(IngestCommand.PROFILE)
                    .properties("newsroom.ingest.drop-folder.path=", "spring.main.banner-mode=off", "logging.level.root=WARN")
                    .run(Arrays.copyOfRange(args, 1, args.length));
            System.exit(SpringApplication.exit(context));
        }
        SpringApplication.run(IngestApplication.class, args);
    }
}
