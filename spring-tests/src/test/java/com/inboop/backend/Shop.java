package com.inboop.backend;

import java.time.LocalDateTime;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.inboop.backend.entity.Business;
import com.inboop.backend.entity.Channel;
import com.inboop.backend.entity.Conversation;
import com.inboop.backend.entity.User;
import com.inboop.backend.entity.Workspace;
import com.inboop.backend.repository.BusinessRepository;
import com.inboop.backend.repository.ConversationRepository;
import com.inboop.backend.repository.UserRepository;
import com.inboop.backend.repository.WorkspaceRepository;

/**
 * A seller's shop as the backend creates one, knowing nothing of inboop-db: a user, her workspace, her business (no
 * workspace_id: no entity maps it) and a conversation with a customer. The ids the tests then use.
 */
public record Shop(long workspace, long business, long conversation, long user) {

    /** Saved through the backend's JPA repositories. */
    public static Shop throughJpa(ConfigurableApplicationContext backend, String owner) {
        User user = new User();
        user.name = owner;
        user.email = owner.toLowerCase() + "@shop.example";
        user.password = "x";
        backend.getBean(UserRepository.class).save(user);
        Workspace workspace = new Workspace();
        workspace.name = owner + " Crafts";
        workspace.owner = user;
        backend.getBean(WorkspaceRepository.class).save(workspace);
        Business business = new Business();
        business.name = owner + " Crafts IG";
        business.owner = user;
        backend.getBean(BusinessRepository.class).save(business);
        Conversation conversation = new Conversation();
        conversation.business = business;
        conversation.channel = Channel.INSTAGRAM;
        conversation.customerHandle = "meera.makes";
        conversation.lastMessage = "is the red dress in stock?";
        conversation.lastMessageAt = LocalDateTime.now();
        backend.getBean(ConversationRepository.class).save(conversation);
        return new Shop(workspace.id, business.id, conversation.id, user.id);
    }

    /** The same through plain JDBC, as a backend without JPA writes. */
    public static Shop throughJdbc(JdbcTemplate jdbc, String owner) {
        long user = jdbc.queryForObject("INSERT INTO users (name, email, password) VALUES (?, ?, 'x') RETURNING id",
                Long.class, owner, owner.toLowerCase() + "@shop.example");
        long workspace = jdbc.queryForObject("INSERT INTO workspaces (name, owner_id) VALUES (?, ?) RETURNING id",
                Long.class, owner + " Shoes", user);
        long business = jdbc.queryForObject("INSERT INTO businesses (name, owner_id) VALUES (?, ?) RETURNING id",
                Long.class, owner + " Shoes IG", user);
        long conversation = jdbc.queryForObject("INSERT INTO conversations (business_id, channel, customer_handle, "
                + "last_message_at) VALUES (?, 'INSTAGRAM', 'kiran', now()) RETURNING id", Long.class, business);
        return new Shop(workspace, business, conversation, user);
    }
}
