package com.hirepilot.app.workspace;

import org.springframework.data.repository.ListCrudRepository;

public interface Workspaces extends ListCrudRepository<Workspace, String> {}
