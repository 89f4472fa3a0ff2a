package org.gitterjakarta.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;

/** Turns on Jakarta Faces' CDI integration for the web WAR. */
@FacesConfig
@ApplicationScoped
public class FacesConfiguration {}
