package io.worklane.work;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** The four work categories of the current tenant, in their fixed order. */
@Service
public class WorkCategories {

    private final JdbcClient jdbc;

    WorkCategories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<WorkCategory> all() {
        return jdbc.sql("select code, name, colour, description from work_categories order by position")
                .query(WorkCategory.class).list();
    }
}
